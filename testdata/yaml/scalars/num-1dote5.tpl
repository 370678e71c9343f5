plain: 1.e5
quoted: "1.e5"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
