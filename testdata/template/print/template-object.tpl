---
{{ .Template.Name }} {{ .Template.BasePath }} {{ .Template }}
