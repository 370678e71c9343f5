{"l": [1, 2, 3], "e": [], "s": "abc", "m": {"a": 1}, "f": 2.0, "nested": [[1], [2]], "mixed": [1, "1", 1.0, "", 0, false, [], {}, "x"]}
---
{{ has 2 .Values.l }} {{ has 2.0 .Values.l }} {{ has "a" nil }} {{ has nil (list nil) }} {{ mustHas 1 (list 1) }} {{ has (int 1) (list 1) }} {{ has (int64 1) (list 1) }} {{ has "a" (splitList "," "a,b") }} {{ has (list 1) (list (list 1)) }}
