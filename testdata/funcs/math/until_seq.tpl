{"i": 3, "f": 2.5, "neg": -2.5, "s": "12", "big": 1e+20, "z": 0, "str": "abc", "l": [1], "t": true}
---
{{ until 5 }} {{ until 0 }} {{ until -3 }} {{ until 3 | typeOf }} {{ untilStep 0 10 3 }} {{ untilStep 10 0 -3 }} {{ untilStep 0 10 -1 }} {{ untilStep 0 10 0 }} {{ untilStep 5 5 1 }}
{{ seq 5 }} {{ seq 0 }} {{ seq -2 }} {{ seq 2 5 }} {{ seq 5 2 }} {{ seq 0 2 10 }} {{ seq 10 -3 0 }} {{ seq 10 3 0 | quote }} {{ seq 0 -1 5 | quote }} {{ seq | quote }} {{ seq 1 2 3 4 | quote }} {{ seq 1 | typeOf }} {{ seq 9223372036854775807 | quote }}
{{ range $i := until 3 }}{{ $i }},{{ end }}
