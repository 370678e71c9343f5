{"n": 8080}
---
{{ b64enc .Values.n }}
