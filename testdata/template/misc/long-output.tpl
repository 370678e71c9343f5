---
{{ range until 50 }}{{ . }},{{ end }}
