a: @x
---
{{ toYaml .Values }}
