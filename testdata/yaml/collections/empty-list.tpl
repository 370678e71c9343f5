l: []
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
