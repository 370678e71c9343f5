---
{{ tpl (printf "{{ %s1%s }}" (repeat 9999 "(") (repeat 9999 ")")) . }}