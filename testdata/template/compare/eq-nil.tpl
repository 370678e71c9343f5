{"int": 42, "float": 3.25, "s": "hello", "empty": "", "t": true, "f": false, "list": [1, "two", 3.5], "map": {"b": 2, "a": "x"}, "list0": [], "map0": {}, "zero": 0, "nested": {"x": {"y": "deep"}}, "one": 1, "onef": 1.5}
---
{{ eq nil nil }} {{ eq .Values.missing nil }} {{ eq .Values.missing "x" }} {{ eq "x" .Values.missing }} {{ eq .Values.missing .Values.missing2 }}
