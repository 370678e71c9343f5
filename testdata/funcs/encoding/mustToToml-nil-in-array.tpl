{"a": [1, null]}
---
{{ mustToToml .Values }}
