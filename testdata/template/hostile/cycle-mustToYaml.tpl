---
{{$d := dict "k" 1}}{{$_ := set $d "self" $d}}{{ mustToYaml $d }}