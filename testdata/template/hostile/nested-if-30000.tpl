---
{{ tpl (printf "%sdeep%s" (repeat 30000 "{{if 1}}") (repeat 30000 "{{end}}")) . }}