{"int": 42, "float": 3.25, "s": "hello", "list": [1, "two"], "map": {"a": "x"}, "t": true, "empty": ""}
---
{{ default "d" .Values.missing }} {{ .Values.missing | default "e" }} {{ typeOf .Values.missing }} {{ kindOf .Values.missing }}
