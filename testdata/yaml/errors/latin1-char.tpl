a: ÿ
---
{{ toYaml .Values }}
