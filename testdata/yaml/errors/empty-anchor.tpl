a: &
---
{{ toYaml .Values }}
