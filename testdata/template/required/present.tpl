{"int": 42, "float": 3.25, "s": "hello", "list": [1, "two"], "map": {"a": "x"}, "t": true, "empty": "", "tplstr": "name={{ .Values.s }}", "nested": {"x": "y"}}
---
{{ required "need s" .Values.s }} {{ required "need" 0 }} {{ required "need" false }}
