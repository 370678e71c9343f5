x1a: 1
x1.: 1
x1-: 1
x1A: 1
x10: 1
x1: 1
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
