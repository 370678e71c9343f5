---
{{$d := dict}}{{$e := dict}}{{range until 100000}}{{$d = dict "a" $d}}{{$e = dict "a" $e}}{{end}}{{ deepEqual $d $e }}