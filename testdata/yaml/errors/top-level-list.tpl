- a
- b
---
{{ toYaml .Values }}
