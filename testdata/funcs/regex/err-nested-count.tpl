---
{{ mustRegexSplit "x{2}{3}" "x" -1 }}
