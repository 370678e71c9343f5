---
{{ tpl "{{ .Template.Name }}" . }}
