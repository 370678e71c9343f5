{"n": 1}
---
{{ regexSplit "x" "x" .Values.n }}
