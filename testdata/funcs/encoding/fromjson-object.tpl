---
{{ $m := fromJson "{\"b\": [1, 2.5, \"x\", true, null, {}], \"a\": {\"c\": -0, \"d\": 1e2}, \"a\": {\"z\": 1}}" }}{{ $m }}
{{ printf "%T" $m }} {{ printf "%T" $m.b }} {{ printf "%T" (index $m.b 0) }} {{ printf "%T" $m.a }}
{{ toJson $m }}
{{ len $m }}
