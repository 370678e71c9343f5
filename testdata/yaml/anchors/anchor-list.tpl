a: &l [1, 2]
b: *l
c: [*l, *l]
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
