m: {a: 1, b: two, c: [3]}
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
