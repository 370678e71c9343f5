plain: true
quoted: "true"
true: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
