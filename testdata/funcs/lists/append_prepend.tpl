{"l": [1, 2, 3], "e": [], "s": "abc", "m": {"a": 1}, "f": 2.0, "nested": [[1], [2]], "mixed": [1, "1", 1.0, "", 0, false, [], {}, "x"]}
---
{{ append .Values.l 4 }} {{ push (list) nil }} {{ mustAppend .Values.e 1 }} {{ mustPush (list 1) 2 }} {{ prepend .Values.l 0 }} {{ mustPrepend (list) (list 1) }}
{{ append (splitList "," "a,b") "c" | typeOf }} {{ append (toStrings .Values.l) 9 }} {{ $x := .Values.l }}{{ $_ := append $x 9 }}{{ $x }}
