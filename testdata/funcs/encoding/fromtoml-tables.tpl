{"doc": "a = { x = 1, y = { z = [1, 2] } }\nb = {}\nc = [ { n = 1 }, { n = 2 } ]\nd = {\n  k = \"v\", # comment\n  l.m = 3,\n}\ne = [\n  1,\n  # comment\n  2,\n]\nf = [ [1, 2], [\"a\", { p = 1 }] ]\n[t]\ng.h = 1\ng.i = 2\n[t.j]\nk = 1\n[[t.arr]]\nv = 1\n[[t.arr]]\nv = 2\n[t.arr.sub]\nw = 3\n"}
---
{{ $m := fromToml .Values.doc }}{{ $m }}
{{ printf "%T" $m.c }} {{ printf "%T" $m.t.arr }} {{ printf "%T" $m.f }}
{{ toJson $m }}
{{ toToml $m }}