{"s": "Hello World", "u": "h\u00e9llo w\u00f6rld", "n": 3, "f": 2.5, "e": "", "l": ["b", "a", 3], "m": {"a": 1, "b": "x"}}
---
trim: {{ trim "  a b \t\n" | quote }} {{ trim "" | quote }} {{ trim "\u00a0x\u3000" | quote }}
trimAll: {{ trimAll "$" "$$a$b$$" }} {{ trimall "ab" "abcba" }} {{ trimAll "" "xx" }} {{ "--x--" | trimAll "-" }}
trimPrefix: {{ trimPrefix "a" "aab" }} {{ trimPrefix "" "x" }} {{ trimPrefix "z" "x" }}
trimSuffix: {{ trimSuffix "b" "abb" }} {{ trimSuffix "x" "x" | quote }} {{ .Values.s | trimSuffix "ld" }}
