---
{{$d := dict}}{{range until 100000}}{{$d = dict "a" $d}}{{end}}done