---
{{ define "a" }}{{ .x.y }}{{ end }}{{ include "a" dict }}
