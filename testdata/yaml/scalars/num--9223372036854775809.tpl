plain: -9223372036854775809
quoted: "-9223372036854775809"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
