m: {}
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
