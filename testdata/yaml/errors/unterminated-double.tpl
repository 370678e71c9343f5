a: "abc
---
{{ toYaml .Values }}
