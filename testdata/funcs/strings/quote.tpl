{"s": "Hello World", "u": "h\u00e9llo w\u00f6rld", "n": 3, "f": 2.5, "e": "", "l": ["b", "a", 3], "m": {"a": 1, "b": "x"}}
---
quote: {{ quote "a\"b" 1 nil 2.5 true .Values.l }}|{{ quote }}|{{ quote nil }}|{{ quote "é\t\x01" }}|{{ quote .Values.m }}|{{ quote .Values.f }}
squote: {{ squote "a'b" 1 nil .Values.f .Values.l }}|{{ squote }}|{{ squote "" }}
