plain: 12:30:45
quoted: "12:30:45"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
