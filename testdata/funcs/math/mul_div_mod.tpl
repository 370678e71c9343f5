{"i": 3, "f": 2.5, "neg": -2.5, "s": "12", "big": 1e+20, "z": 0, "str": "abc", "l": [1], "t": true}
---
{{ mul 2 3 4 }} {{ mul 5 }} {{ mul 2 .Values.f }} {{ mul 4294967296 4294967296 }} {{ mul 2 "3" | typeOf }}
{{ div 7 2 }} {{ div -7 2 }} {{ div .Values.f 2 }} {{ div -9223372036854775808 -1 }} {{ div 7 "2" | typeOf }}
{{ mod 7 3 }} {{ mod -7 3 }} {{ mod 7 -3 }} {{ mod -9223372036854775808 -1 }} {{ mod .Values.s 5 }}
