plain: 0X1f
quoted: "0X1f"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
