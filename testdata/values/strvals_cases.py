#!/usr/bin/env python3
"""Prints the oracle table of render-core/src/values/strvals/tests.rs.

Each case is parsed by real Helm's strvals (helm_python's parse_set_* calls, Helm v4.2.3) and
printed as a Rust tuple (mode, line, Ok(json) | Err(message)); the JSON is Go's json.Marshal
layout (compact, sorted keys). Regenerate with:
    python3 testdata/values/strvals_cases.py > /tmp/table.rs   # paste into tests.rs
"""
import json
import helm_python as h

FNS = {"Typed": h.parse_set_string, "String": h.parse_set_string_values,
       "Json": h.parse_set_json, "Literal": h.parse_set_literal}

CASES = r"""
Typed a=1
Typed a
Typed a=
Typed a,b=1
Typed a.b
Typed a.b=
Typed .a=1
Typed a..b=1
Typed a[0]=1
Typed a[0
Typed a[0]
Typed a[
Typed a[x]=1
Typed a[-1]=1
Typed a[65537]=1
Typed a[99999999999999999999]=1
Typed a[+1]=x
Typed a[ 1]=x
Typed a[1]b=1
Typed a[1]'\n=1
Typed a[1]é=1
Typed a[0]]=1
Typed a[0][1]=x
Typed a[0].b=1,a[0].c=2
Typed a[0]=1,a[2]=3,a[0]=4
Typed a[0]=1,a[0].b=2
Typed a[1]=x,a[0].b=y
Typed a[0]=x,a[0][1]=y
Typed a[0]=1,a[0][0]=2
Typed a[0]={1,2}
Typed a[0]=
Typed a={x,y}
Typed a={x,y
Typed a={}
Typed a={x,}
Typed a={x\,y,z}
Typed a={x}y
Typed a={x},b=1
Typed a={a.b}
Typed a={1,2}.b
Typed a=x,b=y
Typed a\.b=1
Typed a\=b=1
Typed a\
Typed a=x\,y
Typed a=x\
Typed a=b=c
Typed a=1,
Typed a.=1
Typed =1
Typed ,a=1
Typed a=1,,b=2
Typed a=TRUE,b=False,c=NuLL,d=0,e=007,f=-3,g=+4,h=1e3,i=9223372036854775808,j=-0,k=00,l=0x10
Typed a=falſe,b=ſ
Typed a=1,a.b=2
Typed a.b=2,a=1
Typed a.b=2,a[0]=1
Typed a[0]=1,a.b=2
Typed a=null,a[0]=1
Typed a=null,a.b=1
Typed a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a1.b1.c1.d1.e1=1
Typed a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a1.b1.c1.d1.e1.f1=1
Typed a[0].b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a1.b1.c1.d1.e1.f1=1
Typed a[0][0][0][0][0]=1
String a=1,b=true,c={1,2},d=null,e=
String a[1]=x,b.c=0
Json a={"b":[1,2]}
Json a={"b":1} , c=2
Json a=
Json a=,b=1
Json a=[1,2]x
Json a={bad
Json {"a":1}
Json a[0]={"x":1}
Json a=1 2
Json a=tru
Json a=1e400
Json a=[1,2],b={"x":null}
Json a="x\u00e9"
Json a=  5  ,b=6
Json a[0]=1,a[1]=
Json a.b=
Json a={"b":1}x
Json a="s"x
Json a[0]=1,a[0].b=true
Literal a=b,c=d
Literal a.b[0]=x,y
Literal a
Literal a[0
Literal a.b=
Literal =1
Literal a[0]=x=y
Literal .a=1
Literal a\.b=x\,y
Literal a[1]x=1
Literal a=1,a.b=2
""".strip().split("\n")


def rust_str(s):
    return json.dumps(s, ensure_ascii=False)


for line in CASES:
    mode, expr = line.split(" ", 1)
    try:
        got = FNS[mode](expr)
        want = "Ok(%s)" % rust_str(json.dumps(got, sort_keys=True, separators=(",", ":"),
                                              ensure_ascii=False))
    except h.HelmError as e:
        want = "Err(%s)" % rust_str(str(e))
    print("    (%s, %s, %s)," % (mode, rust_str(expr), want))
