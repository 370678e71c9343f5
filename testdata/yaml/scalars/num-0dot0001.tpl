plain: 0.0001
quoted: "0.0001"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
