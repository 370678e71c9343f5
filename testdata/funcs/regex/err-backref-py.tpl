---
{{ mustRegexMatch "(?P=a)" "x" }}
