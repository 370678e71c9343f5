s: "\n"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
