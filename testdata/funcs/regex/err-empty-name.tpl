---
{{ mustRegexMatch "(?P<>a)" "x" }}
