{"n": 1}
---
{{ derivePassword .Values.n "pin" "a" "b" "c" }}
