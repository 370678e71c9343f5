{"s": "hello", "n": 3, "list": ["a", "b", "c"], "m": {"x": 1}, "empty": ""}
---
{{ range $k, $_ := .Values }}{{ $k }},{{ end }}
