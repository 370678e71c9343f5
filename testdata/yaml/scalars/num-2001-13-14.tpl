plain: 2001-13-14
quoted: "2001-13-14"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
