---
{{ tpl "{{ .a.b }}" (dict) }}
