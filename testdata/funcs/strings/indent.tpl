{"s": "Hello World", "u": "h\u00e9llo w\u00f6rld", "n": 3, "f": 2.5, "e": "", "l": ["b", "a", 3], "m": {"a": 1, "b": "x"}}
---
a:{{ indent 2 "x\ny" }}
b:{{ nindent 4 "x\ny" }}
c:{{ indent 0 "" }}|{{ nindent 0 "" }}
d:{{ .Values.s | indent 3 }}
