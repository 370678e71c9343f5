---
{{ regexReplaceAllLiteral "\\x{zz}" "x" "" }}
