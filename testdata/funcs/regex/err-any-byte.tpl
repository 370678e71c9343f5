---
{{ mustRegexMatch "\\C" "x" }}
