s: "\ufeffa"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
