{"a": [1, null]}
---
[{{ toToml .Values }}]
