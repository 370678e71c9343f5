{"doc": "a = 0x1F\nb = 0o17\nc = 0b101\nd = 1_000\ne = +99\nf = -17\ng = 0\nh = -0\ni = 9223372036854775807\nj = -9223372036854775808\nk = 1e3\nl = -0.0\nm = 3.0\nn = inf\no = -inf\np = nan\nq = +nan\nr = 6.626e-34\ns = 1_000.5_5\nt = 0xdead_BEEF\nu = 5e+22\nv = 0.1\n"}
---
{{ $m := fromToml .Values.doc }}{{ range $k, $v := $m }}{{ $k }}: {{ printf "%T" $v }} {{ $v }}
{{ end }}{{ toToml $m }}