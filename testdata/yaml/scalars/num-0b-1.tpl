plain: 0b-1
quoted: "0b-1"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
