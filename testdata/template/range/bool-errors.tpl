---
{{ range true }}x{{ end }}
