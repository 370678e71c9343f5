a:
  b: c
 d: e
---
{{ toYaml .Values }}
