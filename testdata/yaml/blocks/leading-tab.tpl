s: "\tlead\nx"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
