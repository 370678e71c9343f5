plain: on
quoted: "on"
on: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
