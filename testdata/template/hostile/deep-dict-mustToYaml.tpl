---
{{$d := dict}}{{range until 10001}}{{$d = dict "a" $d}}{{end}}{{ mustToYaml $d | len }}