---
{{ range $a := list 1 2 }}{{ range $b := list 1 2 3 }}{{ if eq $b 2 }}{{ break }}{{ end }}{{ $a }}{{ $b }} {{ end }}{{ end }}
