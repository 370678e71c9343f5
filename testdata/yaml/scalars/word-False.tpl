plain: False
quoted: "False"
False: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
