plain: nUll
quoted: "nUll"
nUll: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
