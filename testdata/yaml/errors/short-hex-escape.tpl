a: "\x4"
---
{{ toYaml .Values }}
