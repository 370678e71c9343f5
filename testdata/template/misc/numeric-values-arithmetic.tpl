{"s": "hello", "n": 3, "list": ["a", "b", "c"], "m": {"x": 1}, "empty": ""}
---
{{ add .Values.n 1 }} {{ mul .Values.n 2 }} {{ div .Values.n 2 }} {{ .Values.n | float64 }} {{ int .Values.n }}
