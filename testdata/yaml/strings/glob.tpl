s: "*.yaml"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
