plain: 1000000
quoted: "1000000"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
