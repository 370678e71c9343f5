a: "\q"
---
{{ toYaml .Values }}
