---
{{ mustRegexMatch "(?i-)" "x" }}
