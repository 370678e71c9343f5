---
{{ define "d" }}[{{ .missing }}]{{ end }}{{ include "d" dict | quote }}
