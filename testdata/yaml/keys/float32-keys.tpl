3.14159265358979: a
0.30000000000000004: b
1e-5: c
123456789.0: d
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
