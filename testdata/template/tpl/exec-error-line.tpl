---
x
{{ tpl "a\n{{ .a.b }}" (dict "a" 1) }}
