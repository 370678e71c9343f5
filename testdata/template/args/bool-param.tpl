{"int": 42, "float": 3.25, "s": "hello", "list": [1, "two"], "map": {"a": "x"}, "t": true, "empty": ""}
---
{{ ternary "a" "b" true }} {{ ternary "a" "b" .Values.t }} {{ ternary "a" "b" (eq 1 2) }}
