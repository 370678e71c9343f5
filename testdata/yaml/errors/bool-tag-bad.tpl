a: !!bool maybe
---
{{ toYaml .Values }}
