? [a, b]
: c
---
{{ toYaml .Values }}
