s: "v1.2"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
