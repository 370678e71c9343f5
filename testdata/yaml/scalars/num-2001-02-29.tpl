plain: 2001-02-29
quoted: "2001-02-29"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
