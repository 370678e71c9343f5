---
{{ $t := toDate "2006-01-02 15:04:05" "2024-03-05 10:11:12" }}
{{ dateModify "1h30m" $t }}|{{ dateModify "-24h" $t }}|{{ date_modify "1.5h" $t }}|{{ dateModify "bad" $t }}|{{ dateModify "300ms" $t }}|{{ dateModify "1µs" $t }}
{{ mustDateModify "+2h45m10s" $t }}|{{ must_date_modify "-0" $t }}|{{ mustDateModify ".5s" $t }}|{{ mustDateModify "1h1h" $t }}
{{ dateModify "2562047h47m16.854775807s" $t }}|{{ dateModify "2562047h47m16.854775808s" $t }}
{{ unixEpoch $t }} {{ unixEpoch (toDate "2006" "1969") }} {{ unixEpoch (toDate "x" "y") }}
{{ $t.Year }} {{ $t.YearDay }} {{ $t.Day }} {{ $t.Hour }} {{ $t.Minute }} {{ $t.Second }} {{ $t.Nanosecond }} {{ $t.Unix }} {{ $t.UnixMilli }} {{ $t.UnixNano }}
{{ $t.UTC }} {{ $t.Local }} {{ $t.IsZero }} {{ (toDate "x" "y").IsZero }} {{ $t.String }} {{ printf "%v|%s|%T" $t $t $t }}
{{ $t.Add 3600000000000 }} {{ $t.AddDate 1 -3 40 }} {{ $t.Sub (toDate "2006-01-02" "2024-03-04") }} {{ printf "%T" ($t.Sub $t) }}
{{ $t.Before (toDate "2006" "2025") }} {{ $t.After (toDate "2006" "2025") }} {{ $t.Equal $t }} {{ $t.Compare (toDate "2006" "2000") }}
{{ $t.Truncate 3600000000000 }} {{ $t.Round 3600000000000 }} {{ $t.Round 60000000000 }}
