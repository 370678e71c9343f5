a1b: 1
a1c: 1
a12: 1
a1-: 1
a1_: 1
a1: 1
a: 1
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
