a10: 1
A: 1
'10': 1
a9: 1
_x: 1
a.1: 1
'2': 1
a-1: 1
'1': 1
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
