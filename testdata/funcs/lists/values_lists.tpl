{"l": [1, 2, 3], "e": [], "s": "abc", "m": {"a": 1}, "f": 2.0, "nested": [[1], [2]], "mixed": [1, "1", 1.0, "", 0, false, [], {}, "x"]}
---
{{ first .Values.nested }} {{ first (first .Values.nested) | typeOf }} {{ append .Values.l 4 | len }} {{ len .Values.l }} {{ has 1.0 .Values.l }} {{ without .Values.l 1.0 3.0 }}
