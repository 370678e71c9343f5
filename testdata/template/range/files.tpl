---
{{ range $k, $v := .Files }}{{ $k }}{{ end }}ok
