---
{{ tpl (printf "%sdeep%s" (repeat 30000 "{{range list 1}}") (repeat 30000 "{{end}}")) . }}