---
{{ mustRegexReplaceAll "x{1001}" "x" "" }}
