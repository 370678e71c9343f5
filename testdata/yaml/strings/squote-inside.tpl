s: "it's"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
