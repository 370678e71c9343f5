a:
  b: [1, 2]
  c: x
---
{{ toYaml .Values.a }}
~~~
{{ toYamlPretty .Values.a }}
