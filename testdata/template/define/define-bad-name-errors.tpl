---
{{ define a }}x{{ end }}
