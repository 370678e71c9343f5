---
{{ range list 1 }}{{ $y := 1 }}{{ end }}{{ $y }}
