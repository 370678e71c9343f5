a: 1
b: two
c:
- x
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
