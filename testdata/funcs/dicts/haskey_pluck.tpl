{"m": {"a": 1, "b": {"c": 2}, "e": "", "l": [1]}, "s": "x", "l": [1, 2]}
---
{{ hasKey .Values.m "a" }} {{ hasKey .Values.m "e" }} {{ hasKey .Values.m "zz" }} {{ hasKey .Values "m" }} {{ hasKey nil "a" }}
{{ pluck "a" (dict "a" 1) (dict "b" 2) (dict "a" 3) }} {{ pluck "a" }} {{ pluck "a" .Values.m | typeOf }} {{ pluck "a" nil (dict "a" 2) }}
