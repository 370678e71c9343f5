plain: null
quoted: "null"
null: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
