a: !!int abc
---
{{ toYaml .Values }}
