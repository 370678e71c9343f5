a: *
---
{{ toYaml .Values }}
