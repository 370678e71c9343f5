a: 
---
{{ toYaml .Values }}
