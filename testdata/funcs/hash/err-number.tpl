{"n": 42}
---
{{ sha256sum .Values.n }}
