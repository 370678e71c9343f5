{"m": {"a": 1, "b": {"c": 2}, "e": "", "l": [1]}, "s": "x", "l": [1, 2]}
---
{{ dig "b" "c" "def" .Values.m }} {{ dig "b" "x" "def" .Values.m }} {{ dig "zz" "y" "def" .Values.m }} {{ dig "a" 9 .Values.m }} {{ dig "m" "a" 0 (dict "m" .Values.m) }} {{ dig "b" "def" .Values.m }}
