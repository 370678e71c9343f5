---
{{ $t := printf "{{ %s1%s }}" (repeat 10001 "(") (repeat 10001 ")") }}{{ tpl $t . | len }}