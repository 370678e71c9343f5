{"s": "Hello World", "u": "h\u00e9llo w\u00f6rld", "n": 3, "f": 2.5, "e": "", "l": ["b", "a", 3], "m": {"a": 1, "b": "x"}}
---
{{ toString 1 }} {{ toString .Values.f }} {{ toString nil }} {{ toString .Values.l }} {{ toString (list 1 "a") }} {{ toString true }} {{ toString .Values.m }} {{ toString "s" }} {{ toString 1e21 }}
{{ toStrings .Values.l }} {{ toStrings "x" }} {{ toStrings nil | len }} {{ toStrings (list 1 nil 2) | typeOf }} {{ toStrings (list 1 nil 2) }} {{ toStrings 5 }} {{ toStrings (split "," "a,b") }}
