{"l": [1, 2, 3], "e": [], "s": "abc", "m": {"a": 1}, "f": 2.0, "nested": [[1], [2]], "mixed": [1, "1", 1.0, "", 0, false, [], {}, "x"]}
---
{{ first .Values.l }} {{ first .Values.e }} {{ last .Values.l }} {{ last (list) }} {{ first (list nil 1) }} {{ mustFirst (list 5) }} {{ mustLast .Values.nested }} {{ first (splitList "," "x,y") }} {{ first .Values.l | typeOf }} {{ first (list 1) | typeOf }}
