{"s": "Hello World", "u": "h\u00e9llo w\u00f6rld", "n": 3, "f": 2.5, "e": "", "l": ["b", "a", 3], "m": {"a": 1, "b": "x"}}
---
{{ sortAlpha .Values.l }} {{ sortAlpha (list "b" "B" "a" 10 9 "é" "e") }} {{ sortAlpha "z" }} {{ sortAlpha 3 }} {{ sortAlpha (dict "a" 1) }} {{ sortAlpha nil }} {{ sortAlpha (list) }} {{ sortAlpha .Values.l | typeOf }}
