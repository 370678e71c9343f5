{"m": {"a": 1, "b": {"c": 2}, "e": "", "l": [1]}, "s": "x", "l": [1, 2]}
---
{{ mergeOverwrite (dict "a" 1 "b" (list 1) "c" (dict "x" 1)) (dict "a" nil "b" (list) "c" (dict "y" 2) "d" "") }}
{{ mergeOverwrite (dict "a" "x" "b" (list 1 2)) (dict "a" "" "b" (list 3)) (dict "c" 1) }}
{{ mergeOverwrite (dict "a" (dict "x" 1)) (dict "a" "str") }} {{ mergeOverwrite (dict "a" "str") (dict "a" (dict "x" 1)) }}
{{ $d := dict "a" 1 }}{{ $_ := mustMergeOverwrite $d (dict "a" 2) }}{{ $d }} {{ mergeOverwrite nil nil }} {{ mergeOverwrite (dict) (dict "n" (dict "m" (dict "k" 1))) }}
