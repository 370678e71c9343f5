key: value
- item
---
{{ toYaml .Values }}
