---
{{$d := dict "k" 1}}{{$_ := set $d "self" $d}}{{ index $d "self" "self" "k" }} {{ len $d }} {{ keys $d | sortAlpha }} {{ typeOf $d }} {{ dig "self" "k" 0 $d }}