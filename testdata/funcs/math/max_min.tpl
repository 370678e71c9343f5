{"i": 3, "f": 2.5, "neg": -2.5, "s": "12", "big": 1e+20, "z": 0, "str": "abc", "l": [1], "t": true}
---
{{ max 1 5 3 }} {{ max 1 }} {{ biggest -1 -5 }} {{ min 1 5 -3 }} {{ min .Values.f 3 }} {{ max "10" "9" }} {{ max 1 2 | typeOf }}
{{ maxf 1 2.5 "3.5" }} {{ minf 1 2.5 -3 }} {{ maxf 1 }} {{ minf .Values.f "x" }} {{ maxf -0.0 0 }} {{ typeOf (maxf 1 2) }} {{ minf "NaN" 1 }} {{ maxf "NaN" "+Inf" }}
