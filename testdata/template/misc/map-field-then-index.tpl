{"s": "hello", "n": 3, "list": ["a", "b", "c"], "m": {"x": 1}, "empty": ""}
---
{{ index .Values.m "x" }} {{ .Values.m.x }} {{ (index .Values "m").x }}
