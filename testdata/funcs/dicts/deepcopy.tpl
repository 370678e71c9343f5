{"m": {"a": 1, "b": {"c": 2}, "e": "", "l": [1]}, "s": "x", "l": [1, 2]}
---
{{ $c := deepCopy .Values.m }}{{ $_ := set $c.b "c" 9 }}{{ .Values.m.b.c }} {{ $c.b.c }} {{ deepCopy 1 }} {{ deepCopy "s" }} {{ deepCopy (list 1 (dict "a" 1)) }} {{ deepCopy .Values | typeOf }} {{ deepCopy (split "," "a") | typeOf }} {{ mustDeepCopy (list) | typeOf }} {{ deepCopy 1.5 | typeOf }}
