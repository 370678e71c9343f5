true
---
{{ toYaml .Values }}
