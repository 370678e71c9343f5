---
{{ $x := 1 }}{{ define "d" }}{{ $x }}{{ end }}
