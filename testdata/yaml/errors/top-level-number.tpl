42
---
{{ toYaml .Values }}
