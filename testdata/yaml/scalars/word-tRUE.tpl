plain: tRUE
quoted: "tRUE"
tRUE: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
