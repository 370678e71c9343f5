{"m": {"a": 1, "b": {"c": 2}, "e": "", "l": [1]}, "s": "x", "l": [1, 2]}
---
{{ get .Values.m "a" }} {{ get .Values.m "zz" | quote }} {{ get .Values "s" }} {{ get (dict) "x" | typeOf }} {{ get .Values.m "b" }} {{ get nil "a" | quote }}
