---
{{ define "lines" }}a: 1
b: 2{{ end }}x:
{{ include "lines" . | indent 2 }}
