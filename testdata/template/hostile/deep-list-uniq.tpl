---
{{$d := list}}{{range until 100000}}{{$d = list $d}}{{end}}{{ uniq (list $d $d) | len }}