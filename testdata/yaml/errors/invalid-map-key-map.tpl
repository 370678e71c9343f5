? {a: 1}
: c
---
{{ toYaml .Values }}
