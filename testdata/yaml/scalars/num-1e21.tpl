plain: 1e21
quoted: "1e21"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
