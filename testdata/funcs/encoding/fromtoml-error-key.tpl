---
{{ $m := fromToml "a = 1\nb = @" }}{{ $m }}|{{ len $m }}|{{ $m.a }}
