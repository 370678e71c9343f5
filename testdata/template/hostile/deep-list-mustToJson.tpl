---
{{$d := list}}{{range until 100000}}{{$d = list $d}}{{end}}{{ mustToJson $d | len }}