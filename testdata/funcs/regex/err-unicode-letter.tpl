---
{{ mustRegexMatch "\\pX" "x" }}
