%FOO
---
a: 1
---
{{ toYaml .Values }}
