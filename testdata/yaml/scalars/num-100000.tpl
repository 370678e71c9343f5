plain: 100000
quoted: "100000"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
