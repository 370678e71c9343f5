---
{{ $x := "a" | printf "%s-b" }}{{ $x }}
