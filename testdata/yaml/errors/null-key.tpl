~: a
---
{{ toYaml .Values }}
