---
{{ mustRegexMatch "(?P<n" "x" }}
