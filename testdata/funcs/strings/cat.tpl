{"s": "Hello World", "u": "h\u00e9llo w\u00f6rld", "n": 3, "f": 2.5, "e": "", "l": ["b", "a", 3], "m": {"a": 1, "b": "x"}}
---
{{ cat "a" 1 nil "b" .Values.l (list) }}|{{ cat }}|{{ cat nil }}|{{ cat .Values.f 1e6 }}
