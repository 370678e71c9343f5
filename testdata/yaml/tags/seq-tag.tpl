a: !!seq [1]
b: !!map {c: 1}
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
