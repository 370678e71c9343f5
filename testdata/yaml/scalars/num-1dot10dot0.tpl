plain: 1.10.0
quoted: "1.10.0"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
