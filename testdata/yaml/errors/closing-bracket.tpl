a: ]
---
{{ toYaml .Values }}
