a: "\ud800"
---
{{ toYaml .Values }}
