{"m": {"a": 1, "b": {"c": 2}, "e": "", "l": [1]}, "s": "x", "l": [1, 2]}
---
{{ $d := dict "a" 1 "n" (dict "x" 1) }}{{ $r := merge $d (dict "a" 2 "b" 3 "n" (dict "x" 2 "y" 3)) }}{{ $d }} {{ $r }} {{ typeOf $r }}
{{ merge (dict "a" "" "b" 0 "c" false "d" (list) "e" nil) (dict "a" "x" "b" 1 "c" true "d" (list 1) "e" 5 "f" nil) }}
{{ merge (dict "a" (dict "x" 1)) (dict "a" "str") }} {{ merge (dict "a" "str") (dict "a" (dict "x" 1)) }}
{{ merge (dict "a" (list 1)) (dict "a" (list 2)) }} {{ merge (dict "a" "s") (dict "a" (list 2)) }} {{ merge (dict "z" 1) (dict "a" (list 2)) }} {{ merge (dict) (dict "a" (list 2)) }}
{{ merge (dict "a" (dict)) (dict "a" (dict)) }} {{ merge (dict "a" (dict)) (dict "a" (dict "b" 1)) }} {{ merge (dict "a" 1) }} {{ merge nil (dict "a" 1) }} {{ merge (dict "a" 1) nil }}
{{ mustMerge (dict "a" 1) .Values.m }} {{ merge (dict "x" 1) (dict "y" 2) (dict "x" 3 "z" 4) }}
