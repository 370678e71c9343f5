{"n": 8080, "s": "secret", "b": true}
---
{{ .Values.s | b64enc }} {{ .Values.s | b32enc }}
