---
{{ mustRegexMatch "(?i)*" "x" }}
