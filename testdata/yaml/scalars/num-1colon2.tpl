plain: 1:2
quoted: "1:2"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
