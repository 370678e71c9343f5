{"l": [{"a": 1}]}
---
[{{ toToml .Values.l }}]
