---
{{ define "x" }}body{{ end }}