---
{{ $t := toDate "2006-01-02 15:04:05" "2024-03-09 13:45:30" }}
month: {{ $t.Month }} {{ $t.Month | printf "%d %v %s %q" }} {{ $t.Month | typeOf }} {{ $t.Month.String }}
weekday: {{ $t.Weekday }} {{ $t.Weekday | printf "%d" }} {{ $t.Weekday | typeOf }} {{ $t.Weekday | toJson }}
location: {{ $t.Location }} {{ $t.UTC.Location }} {{ $t.Location | typeOf }} {{ $t.Location.String }}
in: {{ $t.In $t.UTC.Location }}
dst: {{ $t.IsDST }}
gostring: {{ $t.GoString }} {{ $t.UTC.GoString }}
json: {{ $t.MarshalJSON | toString }} {{ $t.MarshalText | toString }}
binary: {{ $t.MarshalBinary }} {{ $t.GobEncode | len }}
append: {{ $t.AppendFormat nil "Jan _2" | toString }} {{ $t.AppendText nil | toString }} {{ $t.AppendBinary nil | len }}
in a list: {{ list $t.Month $t.Weekday }} {{ dict "m" $t.Month | toYaml }}