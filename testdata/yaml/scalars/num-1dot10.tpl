plain: 1.10
quoted: "1.10"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
