plain: TRUE
quoted: "TRUE"
TRUE: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
