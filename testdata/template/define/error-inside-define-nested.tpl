---
{{ define "inner" }}{{ .x.y }}{{ end }}{{ define "outer" }}{{ template "inner" . }}{{ end }}{{ template "outer" (dict "x" 1) }}
