{"s": "hello", "map": {"a": "x", "b": {"c": 1}}, "list": [1, 2], "\u043a\u043b\u044e\u0447": "\u0437\u043d\u0430\u0447\u0435\u043d\u0438\u0435", "k-e-y": 1}
---
{{ range .Values.list }}
{{ if . }}
  {{ .q }}
{{ end }}
{{ end }}
