plain: 2001-12-14t21:59:43.10-05:00
quoted: "2001-12-14t21:59:43.10-05:00"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
