'x'
---
{{ toYaml .Values }}
