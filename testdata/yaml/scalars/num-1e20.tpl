plain: 1e20
quoted: "1e20"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
