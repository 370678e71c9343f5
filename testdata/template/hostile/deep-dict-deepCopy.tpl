---
{{$d := dict}}{{range until 20000}}{{$d = dict "a" $d}}{{end}}{{ deepCopy $d | toJson | len }}