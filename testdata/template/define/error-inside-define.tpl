---
{{ define "bad" }}
  x: {{ .a.b }}
{{ end }}{{ template "bad" dict }}
