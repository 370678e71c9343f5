plain: no
quoted: "no"
no: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
