a: !!float 18446744073709551615
---
{{ toYaml .Values }}
