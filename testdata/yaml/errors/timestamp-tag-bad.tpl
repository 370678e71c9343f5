a: !!timestamp nope
---
{{ toYaml .Values }}
