a: .inf
---
{{ toYaml .Values }}
