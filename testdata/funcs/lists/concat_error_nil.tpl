{"l": [1, 2, 3], "e": [], "s": "abc", "m": {"a": 1}, "f": 2.0, "nested": [[1], [2]], "mixed": [1, "1", 1.0, "", 0, false, [], {}, "x"]}
---
{{ concat .Values.l nil }}
