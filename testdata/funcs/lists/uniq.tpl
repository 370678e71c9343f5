{"l": [1, 2, 3], "e": [], "s": "abc", "m": {"a": 1}, "f": 2.0, "nested": [[1], [2]], "mixed": [1, "1", 1.0, "", 0, false, [], {}, "x"]}
---
{{ uniq .Values.mixed }} {{ uniq (list 1 1 2 "2" 2.0 1.0) }} {{ uniq (list (list 1) (list 1) (dict "a" 1) (dict "a" 1)) }} {{ mustUniq (list) }} {{ uniq (list nil nil) }}
