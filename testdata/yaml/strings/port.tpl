s: "8080:80"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
