---
{{$d := dict}}{{range until 9998}}{{$d = dict "a" $d}}{{end}}{{ toJson $d | fromJson | len }}