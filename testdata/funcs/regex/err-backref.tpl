---
{{ mustRegexMatch "(a)\\1" "x" }}
