plain: 0.0
quoted: "0.0"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
