---
{{ define "d" }}{{ $x := "inner" }}{{ $x }}{{ end }}{{ $x := "outer" }}{{ template "d" }}{{ $x }}
