---
{{ .Values.a#b }}
