---
{{ range $i, $b := .Files.GetBytes "x" }}{{ $b }}{{ end }}ok
