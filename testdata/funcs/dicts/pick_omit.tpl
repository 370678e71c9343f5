{"m": {"a": 1, "b": {"c": 2}, "e": "", "l": [1]}, "s": "x", "l": [1, 2]}
---
{{ pick .Values.m "a" "zz" "e" }} {{ pick .Values.m }} {{ pick nil "a" }} {{ pick .Values.m "a" | typeOf }}
{{ omit .Values.m "b" "l" "zz" }} {{ omit nil "a" }} {{ omit (dict "a" 1) }} {{ omit .Values "m" "l" }}
