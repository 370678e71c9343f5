---
{{ tpl (printf "{{ %s1%s }}" (repeat 6000 "(print ") (repeat 6000 ")")) . }}