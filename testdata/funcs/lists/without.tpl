{"l": [1, 2, 3], "e": [], "s": "abc", "m": {"a": 1}, "f": 2.0, "nested": [[1], [2]], "mixed": [1, "1", 1.0, "", 0, false, [], {}, "x"]}
---
{{ without .Values.l 2 }} {{ without .Values.l 2.0 }} {{ without .Values.mixed "" 0 }} {{ without .Values.l }} {{ without (list 1 2 1) 1 3 }} {{ mustWithout (list nil 1) nil }}
