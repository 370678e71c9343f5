---
{{ define "a" }}{{ include "b" . }}{{ end }}{{ define "b" }}
{{ .q.r }}{{ end }}{{ include "a" (dict) }}
