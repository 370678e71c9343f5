a: .nan
---
{{ toYaml .Values }}
