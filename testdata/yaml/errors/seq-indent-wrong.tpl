a:
  - 1
 - 2
---
{{ toYaml .Values }}
