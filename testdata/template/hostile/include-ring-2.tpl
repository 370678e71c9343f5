---
{{define "d0"}}{{include "d1" .}}{{end}}{{define "d1"}}{{include "d0" .}}{{end}}{{ include "d0" . }}