a: !x!y 1
---
{{ toYaml .Values }}
