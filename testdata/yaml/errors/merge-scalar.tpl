x:
  <<: 1
---
{{ toYaml .Values }}
