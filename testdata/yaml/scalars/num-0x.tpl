plain: 0x
quoted: "0x"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
