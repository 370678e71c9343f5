---
{{ tpl "{{ fail \"tplfail\" }}" . }}
