1: a
2: b
10: c
1.5: d
-1: e
0x10: f
0.1: g
1e6: h
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
