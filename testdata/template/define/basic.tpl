---
{{ define "greet" }}hello {{ . }}{{ end }}{{ template "greet" "world" }}|{{ template "greet" }}|
