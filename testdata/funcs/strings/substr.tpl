{"s": "Hello World", "u": "h\u00e9llo w\u00f6rld", "n": 3, "f": 2.5, "e": "", "l": ["b", "a", 3], "m": {"a": 1, "b": "x"}}
---
{{ substr 1 3 "hello" }}|{{ substr 0 -1 "hello" }}|{{ substr -1 2 "hello" }}|{{ substr 2 99 "hello" }}|{{ substr 5 99 "hello" | quote }}|{{ substr 1 3 .Values.u }}
