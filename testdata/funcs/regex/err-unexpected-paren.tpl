---
{{ mustRegexMatch "a)" "x" }}
