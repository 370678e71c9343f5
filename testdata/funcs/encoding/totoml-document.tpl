{"a": {"b": {"c": 1, "d": [1, 2]}, "e": "x"}, "f": 8080, "g": 1.5, "h": [{"x": 1}, {"y": {"z": 2}}], "j": [], "k": {}, "key with space": "v\"\\é", "": "empty", "l": [[1, 2], ["a"]], "m": 1e+21, "n2": 1e-07, "o": 100000000, "p": -0.0, "q": true, "r": "multi\nline\ttab", "s": [{"t": [{"u": 1}]}], "dot.key": {"in.ner": 1}, "ü": 1, "A-b_9": 2}
---
{{ toToml .Values }}
---
{{ mustToToml .Values.a }}
---
{{ toToml .Values.h }}
