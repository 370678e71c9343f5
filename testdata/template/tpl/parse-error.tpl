---
{{ tpl "{{ nope }}" . }}
