a: b
---
{{ toYaml .Values }}
