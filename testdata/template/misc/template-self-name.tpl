---
{{ define "t/templates/case.yaml" }}redefined{{ end }}original
