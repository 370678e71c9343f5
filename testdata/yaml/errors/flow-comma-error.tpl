a: [1 2]
b: {c d}
---
{{ toYaml .Values }}
