---
{{ mustRegexMatch "(?x)" "x" }}
