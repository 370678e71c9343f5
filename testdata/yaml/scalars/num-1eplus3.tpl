plain: 1e+3
quoted: "1e+3"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
