---
{{ define "a" }}A:{{ . }}{{ end }}{{ include "a" "x" }} {{ include "a" . | len }} {{ include "a" 1 | upper }}
