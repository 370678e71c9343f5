{"i": 3, "f": 2.5, "neg": -2.5, "s": "12", "big": 1e+20, "z": 0, "str": "abc", "l": [1], "t": true}
---
{{ add 1 2 }} {{ add }} {{ add 1 .Values.f "3" nil true "x" }} {{ add 1 2 | typeOf }} {{ add .Values.i .Values.i }}
{{ add1 .Values.i }} {{ add1 "7" }} {{ add1 "0x10" }} {{ add1 "1.00" }} {{ add1 "1.5" }} {{ add1 .Values.neg }} {{ add1 9223372036854775807 }} {{ add1 .Values.big }}
{{ sub 5 3 }} {{ sub .Values.f 1 }} {{ sub "a" 1 }} {{ sub 1 2 | typeOf }} {{ sub -9223372036854775808 1 }}
