---
{{ mustRegexFindAll "a**" "x" -1 }}
