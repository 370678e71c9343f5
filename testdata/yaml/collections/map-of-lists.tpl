m:
  a: [1, 2]
  b: []
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
