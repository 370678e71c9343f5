{"int": 42, "float": 3.25, "s": "hello", "list": [1, "two", 3.5], "map": {"b": 2, "a": "x"}, "neg": -7.5, "big": 1e+21, "t": true}
---
{{ printf "%+v|%#v|%#v|%#v|%#v|%#v" .Values.map .Values.map .Values.list "s" 42 true }}
{{ printf "%#v|%#v|%#v" 1.5 nil (list) }}
