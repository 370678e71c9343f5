---
{{ regexSplit "\\8" "x" -1 }}
