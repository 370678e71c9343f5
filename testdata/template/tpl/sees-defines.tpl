---
{{ define "d" }}D{{ end }}{{ tpl "<{{ include \"d\" . }}>" . }}
