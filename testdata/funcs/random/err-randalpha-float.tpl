{"n": 3}
---
{{ randAlpha .Values.n }}
