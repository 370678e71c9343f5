a: [1]
b: [[1]]
c: [[[1]]]
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
