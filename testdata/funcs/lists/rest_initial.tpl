{"l": [1, 2, 3], "e": [], "s": "abc", "m": {"a": 1}, "f": 2.0, "nested": [[1], [2]], "mixed": [1, "1", 1.0, "", 0, false, [], {}, "x"]}
---
{{ rest .Values.l }} {{ rest .Values.e }} {{ initial .Values.l }} {{ initial (list 1) }} {{ rest (list 1) | typeOf }} {{ mustRest (list 1 2) }} {{ mustInitial (list 1 2) }} {{ rest (splitList "," "a,b") | typeOf }}
