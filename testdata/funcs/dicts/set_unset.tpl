{"m": {"a": 1, "b": {"c": 2}, "e": "", "l": [1]}, "s": "x", "l": [1, 2]}
---
{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $d }} {{ set $d "c" nil }} {{ set (dict) "x" 1 | typeOf }} {{ $d }}
{{ $e := dict "a" 1 "b" 2 }}{{ $_ := unset $e "a" }}{{ $e }} {{ unset $e "zz" }} {{ unset (dict) "a" }} {{ unset nil "a" }}
{{ $outer := dict "in" $d }}{{ $_ := set $d "z" 26 }}{{ $outer }}
{{ set .Values "new" 1 | typeOf }} {{ .Values.new }} {{ $_ := set .Values.m "k" "v" }}{{ .Values.m.k }}
