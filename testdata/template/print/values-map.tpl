{"int": 42, "neg": -7, "big": 1000000, "float": 3.25, "small": 0.0001, "tiny": 1e-05, "huge": 1e+20, "s": "hello", "empty": "", "t": true, "f": false, "list": [1, "two", 3.5, true], "map": {"b": 2, "a": "x", "c": [1, 2]}, "nested": {"x": {"y": {"z": "deep"}}}, "unicode": "h\u00e9llo w\u00f6rld \u2713", "quote": "say \"hi\"", "multi": "line1\nline2", "zero": 0, "strnum": "123", "list0": [], "map0": {}}
---
map={{ .Values.map }} map0={{ .Values.map0 }} nested={{ .Values.nested }}
