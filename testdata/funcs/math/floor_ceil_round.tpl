{"i": 3, "f": 2.5, "neg": -2.5, "s": "12", "big": 1e+20, "z": 0, "str": "abc", "l": [1], "t": true}
---
{{ floor 2.7 }} {{ floor -2.5 }} {{ ceil 2.1 }} {{ ceil "3.2" }} {{ floor .Values.f | typeOf }} {{ ceil nil }} {{ floor 5 }}
{{ round 123.5555 3 }} {{ round 123.5 0 }} {{ round -1.5 0 }} {{ round 2.345 2 0.3 }} {{ round 123.456 -1 }} {{ round "1.25" 1 }} {{ round 1.0000001 20 }} {{ round 5 0 }} {{ round 2.5 0 }} {{ round 1.5 310 }} {{ round 1.5 -300 }} {{ round 1.55 1 1 }}
