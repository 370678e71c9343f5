a: - b
---
{{ toYaml .Values }}
