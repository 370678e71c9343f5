&k a: 1
b: *k
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
