{"l": [1, 2, 3], "e": [], "s": "abc", "m": {"a": 1}, "f": 2.0, "nested": [[1], [2]], "mixed": [1, "1", 1.0, "", 0, false, [], {}, "x"]}
---
{{ list 1 "a" nil }} {{ list | len }} {{ typeOf (list) }} {{ tuple 1 2 }} {{ typeOf (tuple) }} {{ list .Values.l .Values.m }}
