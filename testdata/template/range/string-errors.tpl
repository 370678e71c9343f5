---
{{ range "abc" }}{{ . }}{{ end }}
