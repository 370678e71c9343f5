s: "\ta"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
