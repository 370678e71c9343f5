a: }
---
{{ toYaml .Values }}
