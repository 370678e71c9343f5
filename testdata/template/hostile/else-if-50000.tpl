---
{{ tpl (printf "{{if 0}}%s{{else}}last{{end}}" (repeat 50000 "{{else if 0}}")) . }}