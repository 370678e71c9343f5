plain: NULL
quoted: "NULL"
NULL: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
