18446744073709551615: x
---
{{ toYaml .Values }}
