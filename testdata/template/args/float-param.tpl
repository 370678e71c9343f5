{"int": 42, "float": 3.25, "s": "hello", "list": [1, "two"], "map": {"a": "x"}, "t": true, "empty": ""}
---
{{ float64 1 }} {{ addf 1 2.5 }} {{ mulf .Values.float 2 }}
