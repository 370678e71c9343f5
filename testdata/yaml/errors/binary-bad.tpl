a: !!binary "!!!"
---
{{ toYaml .Values }}
