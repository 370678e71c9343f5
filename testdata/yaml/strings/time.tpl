s: "12:30"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
