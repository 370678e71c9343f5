a: 1
--- x
---
{{ toYaml .Values }}
