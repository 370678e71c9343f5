---
{{ tpl "{{ define \"in\" }}IN{{ end }}{{ include \"in\" . }}" . }}
