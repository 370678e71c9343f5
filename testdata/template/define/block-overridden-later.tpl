---
{{ block "b" . }}default{{ end }}{{ define "b" }}override{{ end }}
