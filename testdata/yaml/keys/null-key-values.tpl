~: 1
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
