plain: 0
quoted: "0"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
