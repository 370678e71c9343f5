---
{{ define "a" }}{{ .x.y }}{{ end }}{{ include "a" (dict "x" 1) }}
