{"i": 3, "f": 2.5, "neg": -2.5, "s": "12", "big": 1e+20, "z": 0, "str": "abc", "l": [1], "t": true}
---
{{ addf 0.1 0.2 }} {{ addf }} {{ addf 1 2 }} {{ addf "1.5" 2 }} {{ add1f 1.1 }} {{ subf 1 0.9 }} {{ subf 10 1 2 3 }} {{ mulf 0.1 3 }} {{ mulf 1.1 1.1 1.1 }} {{ divf 1 3 }} {{ divf 2 3 }} {{ divf -2 3 }} {{ divf 10 4 2 }} {{ addf 1 2 | typeOf }}
{{ divf 1e300 3 }} {{ addf 1e308 1e-308 }} {{ mulf 1e200 1e200 }} {{ divf 1 3e-300 }} {{ mulf 123456789.123456789 987654321.987654321 }} {{ divf 22 7 }} {{ subf 0.3 0.1 }} {{ addf 1e-320 1e-320 }} {{ divf 5e-324 2 }} {{ divf 1 }} {{ subf .Values.f }}
