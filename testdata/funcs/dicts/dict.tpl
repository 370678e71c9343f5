{"m": {"a": 1, "b": {"c": 2}, "e": "", "l": [1]}, "s": "x", "l": [1, 2]}
---
{{ dict "a" 1 "b" }} {{ dict }} {{ dict 1 2 nil 3 true 4 }} {{ dict "a" 1 "a" 2 }} {{ dict .Values.l 1 }} {{ dict "a" 1 | typeOf }} {{ (dict "k" "v").k }}
