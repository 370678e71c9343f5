---
{{$d := dict}}{{range until 9999}}{{$d = dict "a" $d}}{{end}}{{ toPrettyJson $d | len }}