a: &x hello
b: *x
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
