{"int": 42, "float": 3.25, "s": "hello", "list": [1, "two", 3.5], "map": {"b": 2, "a": "x"}, "neg": -7.5, "big": 1e+21, "t": true}
---
{{ block "b" . }}default {{ .Values.s }}{{ end }}|{{ template "b" . }}
