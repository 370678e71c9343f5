{"a": 1000000, "s": "hi", "m": {"k": [1, "x"]}}
---
x: {{ .Values.a }} {{ .Values.s | printf "%q" }} {{ .Values.m }} {{ .Values.missing }}
