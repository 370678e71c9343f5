{"s": "Hello World", "u": "h\u00e9llo w\u00f6rld", "n": 3, "f": 2.5, "e": "", "l": ["b", "a", 3], "m": {"a": 1, "b": "x"}}
---
nospace: {{ nospace " a b\tc\n" }}|{{ nospace "" | quote }}|{{ nospace "é x" }}|{{ nospace "éx" }}|{{ nospace .Values.s }}
initials: {{ initials "hello big world" }}|{{ initials "" | quote }}|{{ initials " a\tb" }}|{{ initials "élan vital" }}|{{ initials .Values.s }}
