---
[{{ tpl "{{ .missing }}" . }}]
