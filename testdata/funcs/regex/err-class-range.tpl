---
{{ mustRegexReplaceAllLiteral "[z-a]" "x" "" }}
