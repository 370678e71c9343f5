plain: n
quoted: "n"
n: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
