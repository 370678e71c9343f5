---
{{ $m := dict "a" 1 "b" 2 }}{{ range $k, $v := $m }}{{ $_ := set $m (printf "%s%s" $k $k) 0 }}{{ $k }} {{ end }}{{ len $m }}
