---
{{ define "p" }}{{ . }}{{ end }}{{ template "p" (printf "%s-%d" "a" 1) }}|{{ template "p" 1 | printf "%v" }}
