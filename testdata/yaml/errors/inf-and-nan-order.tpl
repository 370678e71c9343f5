b: .nan
a: .inf
---
{{ toYaml .Values }}
