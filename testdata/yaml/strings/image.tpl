s: "nginx:1.21"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
