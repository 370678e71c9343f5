---
{{ mustRegexMatch "(?<!x)" "x" }}
