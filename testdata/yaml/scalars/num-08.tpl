plain: 08
quoted: "08"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
