s: "1:1"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
