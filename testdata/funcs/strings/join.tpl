{"s": "Hello World", "u": "h\u00e9llo w\u00f6rld", "n": 3, "f": 2.5, "e": "", "l": ["b", "a", 3], "m": {"a": 1, "b": "x"}}
---
{{ join "-" .Values.l }} {{ join "," (list 1 2) }} {{ join "," "abc" }} {{ join "," nil | quote }} {{ join ", " (splitList "x" "axbxc") }} {{ join "," (list nil "a" nil) }} {{ join "" (list 1.5 true) }}
