---
{{$d := dict "k" 1}}{{$l := list $d 2}}{{$_ := set $d "l" $l}}{{ mustToJson $d }}