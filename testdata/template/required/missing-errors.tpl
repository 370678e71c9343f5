{"int": 42, "float": 3.25, "s": "hello", "list": [1, "two"], "map": {"a": "x"}, "t": true, "empty": "", "tplstr": "name={{ .Values.s }}", "nested": {"x": "y"}}
---
a
{{ required "value x is required" .Values.x }}
