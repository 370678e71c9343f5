---
{{ define "a" }}{{ define "b" }}x{{ end }}{{ end }}
