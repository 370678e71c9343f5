plain: oN
quoted: "oN"
oN: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
