---
{{ define "a" }}1{{ end }}{{ define "a" }}  {{ end }}{{ template "a" }}
