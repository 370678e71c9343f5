plain: 1__0
quoted: "1__0"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
