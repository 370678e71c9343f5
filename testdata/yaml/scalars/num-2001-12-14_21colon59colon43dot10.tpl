plain: 2001-12-14 21:59:43.10
quoted: "2001-12-14 21:59:43.10"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
