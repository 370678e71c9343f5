plain: -9223372036854775808
quoted: "-9223372036854775808"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
