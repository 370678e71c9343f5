a: [[], {}]
b: {c: {}, d: []}
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
