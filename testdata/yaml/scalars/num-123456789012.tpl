plain: 123456789012
quoted: "123456789012"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
