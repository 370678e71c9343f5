a: &x 1
b: *x
c: &x 2
d: *x
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
