a: |0
  x
---
{{ toYaml .Values }}
