hello
---
{{ toYaml .Values }}
