# nothing
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
