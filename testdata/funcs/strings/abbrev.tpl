{"s": "Hello World", "u": "h\u00e9llo w\u00f6rld", "n": 3, "f": 2.5, "e": "", "l": ["b", "a", 3], "m": {"a": 1, "b": "x"}}
---
abbrev: {{ abbrev 5 "hello world" }}|{{ abbrev 3 "hello world" }}|{{ abbrev 20 "hello" }}|{{ abbrev 4 "" | quote }}|{{ abbrev 8 .Values.s }}
abbrevboth: {{ abbrevboth 5 10 "1234567890abcdefghij" }}|{{ abbrevboth 0 4 "hello world" }}|{{ abbrevboth 1 6 "hello world" }}|{{ abbrevboth 20 10 "1234567890abcdefghij" }}|{{ abbrevboth -5 8 "1234567890abcdefghij" }}|{{ abbrevboth 10 8 "1234567890abcdefghij" }}|{{ abbrevboth -9223372036854775808 5 "1234567890abcdefghij" | quote }}
