a: 'abc
---
{{ toYaml .Values }}
