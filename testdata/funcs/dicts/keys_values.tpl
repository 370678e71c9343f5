{"m": {"a": 1, "b": {"c": 2}, "e": "", "l": [1]}, "s": "x", "l": [1, 2]}
---
{{ keys .Values.m | sortAlpha }} {{ keys (dict "b" 1) (dict "a" 2) | sortAlpha }} {{ keys | len }} {{ keys (dict) | typeOf }} {{ keys nil | len }}
{{ values (dict "a" 1) }} {{ values (dict) }} {{ values nil | typeOf }} {{ values (dict "a" (list 1)) }}
