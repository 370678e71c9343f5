{"l": [1, 2, 3], "e": [], "s": "abc", "m": {"a": 1}, "f": 2.0, "nested": [[1], [2]], "mixed": [1, "1", 1.0, "", 0, false, [], {}, "x"]}
---
{{ chunk 2 .Values.l }} {{ chunk 2 .Values.l | typeOf }} {{ chunk 5 .Values.l }} {{ chunk 1 (list) }} {{ mustChunk 3 (list 1 2 3 4 5 6) }} {{ chunk -2 (list 1) }} {{ chunk -5 (list 1 2) | len }} {{ chunk 9223372036854775807 (list 1 2) }}
