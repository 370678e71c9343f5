plain: 1e3
quoted: "1e3"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
