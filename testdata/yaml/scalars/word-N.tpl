plain: N
quoted: "N"
N: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
