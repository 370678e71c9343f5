a: *x
---
{{ toYaml .Values }}
