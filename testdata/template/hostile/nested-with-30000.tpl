---
{{ tpl (printf "%s{{.}}%s" (repeat 30000 "{{with 1}}") (repeat 30000 "{{end}}")) . }}