plain: Null
quoted: "Null"
Null: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
