---
{{ template "t" }}{{ define "t" }}[{{ .x }}]{{ end }}
