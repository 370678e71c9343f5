---
{{ template "noop" $x := 5 }}{{ $x }}{{ define "noop" }}{{ end }}
