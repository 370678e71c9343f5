s: "0.0.0.0:80"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
