a: &x [*x]
---
{{ toYaml .Values }}
