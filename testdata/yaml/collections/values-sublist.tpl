a: [x, {y: 1}]
---
{{ toYaml .Values.a }}
~~~
{{ toYamlPretty .Values.a }}
