{"int": 42, "float": 3.25, "s": "hello", "empty": "", "t": true, "f": false, "list": [1, "two", 3.5], "map": {"b": 2, "a": "x"}, "list0": [], "map0": {}, "zero": 0, "nested": {"x": {"y": "deep"}}, "users": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}]}
---
{{ $n := .Values.nested }}{{ $n.x.y }} {{ $n.x }}
