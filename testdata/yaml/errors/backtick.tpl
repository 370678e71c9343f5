a: `x
---
{{ toYaml .Values }}
