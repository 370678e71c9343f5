---
{{ if true }}{{ define "x" }}{{ end }}{{ end }}
