plain: 18446744073709551616
quoted: "18446744073709551616"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
