{"m": {"a": 1, "b": {"c": 2}, "e": "", "l": [1]}, "s": "x", "l": [1, 2]}
---
{{ $r := merge .Values (dict "s" "y" "t" 1) }}{{ typeOf $r }} {{ .Values.s }} {{ .Values.t }} {{ $_ := mergeOverwrite .Values.m (dict "a" 9) }}{{ .Values.m.a }}
