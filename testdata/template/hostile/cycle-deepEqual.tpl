---
{{$d := dict "k" 1}}{{$_ := set $d "self" $d}}{{$e := dict "k" 1}}{{$_ := set $e "self" $e}}{{ deepEqual $d $e }} {{ deepEqual $d $d }}