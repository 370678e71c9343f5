---
{{ .Values.x
