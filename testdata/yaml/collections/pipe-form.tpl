a: 1
---
{{ .Values | toYaml }}
