plain: 9223372036854775807
quoted: "9223372036854775807"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
