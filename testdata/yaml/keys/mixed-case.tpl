z: 1
Z: 1
a: 1
A: 1
b: 1
B: 1
'_': 1
'-': 1
'.': 1
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
