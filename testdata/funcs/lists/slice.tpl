{"l": [1, 2, 3], "e": [], "s": "abc", "m": {"a": 1}, "f": 2.0, "nested": [[1], [2]], "mixed": [1, "1", 1.0, "", 0, false, [], {}, "x"]}
---
{{ slice .Values.l }} {{ slice .Values.l 1 }} {{ slice .Values.l 1 2 }} {{ slice .Values.l "1" 2.9 }} {{ slice (list) | quote }} {{ slice (splitList "," "a,b,c") 1 | typeOf }} {{ slice .Values.l 3 }} {{ mustSlice (list 1 2) 0 0 }} {{ slice .Values.l nil }}
