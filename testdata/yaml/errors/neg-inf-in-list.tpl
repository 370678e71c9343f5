a: [1, -.inf]
---
{{ toYaml .Values }}
