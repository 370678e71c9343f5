a: 'x
---
y'
---
{{ toYaml .Values }}
