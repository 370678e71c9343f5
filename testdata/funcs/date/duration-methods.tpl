---
{{ $t := toDate "2006-01-02 15:04:05" "2024-03-09 13:45:30" }}{{ $d := $t.Sub (toDate "2006-01-02 15:04:05" "2024-03-08 01:15:00") }}
{{ $d }} {{ $d | typeOf }} {{ $d.String }}
{{ $d.Hours }} {{ $d.Minutes }} {{ $d.Seconds }}
{{ $d.Milliseconds }} {{ $d.Microseconds }} {{ $d.Nanoseconds }}
{{ $d.Round 3600000000000 }} {{ $d.Truncate 3600000000000 }} {{ ($t.Sub ($t.AddDate 0 0 1)).Abs }}