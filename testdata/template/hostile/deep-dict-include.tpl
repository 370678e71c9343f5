---
{{define "x"}}{{ len . }}{{end}}{{$d := dict}}{{range until 100000}}{{$d = dict "a" $d}}{{end}}{{ include "x" $d }}