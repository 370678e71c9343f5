---
{{ define "t" }}T{{ .x }}{{ end }}{{ template "t" dict "x" 1 }}|{{ include "t" (dict "x" 2) }}
