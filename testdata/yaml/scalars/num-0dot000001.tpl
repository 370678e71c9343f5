plain: 0.000001
quoted: "0.000001"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
