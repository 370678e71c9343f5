---
{{ $inf := divf 1 0 }}{{ printf "%v|%f|%5.1f|%+v|%e" $inf $inf $inf $inf (mulf -1 $inf) }}
