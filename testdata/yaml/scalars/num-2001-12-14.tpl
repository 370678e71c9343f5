plain: 2001-12-14
quoted: "2001-12-14"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
