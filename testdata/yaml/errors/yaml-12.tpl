%YAML 1.2
---
a: 1
---
{{ toYaml .Values }}
