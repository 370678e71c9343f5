---
{{$d := dict}}{{range until 10000}}{{$d = dict "a" $d}}{{end}}{{ mustToPrettyJson $d | len }}