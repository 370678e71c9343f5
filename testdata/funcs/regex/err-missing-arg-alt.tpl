---
{{ mustRegexMatch "a|*" "x" }}
