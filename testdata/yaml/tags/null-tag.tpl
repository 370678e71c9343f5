a: !!null ''
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
