plain: 3.0
quoted: "3.0"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
