---
{{ tpl "{{ define \"in2\" }}IN{{ end }}x" . }}{{ include "in2" . }}
