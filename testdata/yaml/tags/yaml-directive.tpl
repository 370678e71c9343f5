%YAML 1.1
---
a: 1
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
