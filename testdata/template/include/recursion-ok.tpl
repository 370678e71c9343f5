---
{{ define "r" }}{{ if gt (len .) 0 }}{{ first . }}{{ include "r" (rest .) }}{{ end }}{{ end }}{{ include "r" (list 1 2 3) }}
