y: 1
'true': 2
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
