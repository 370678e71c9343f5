plain: 0x1p4
quoted: "0x1p4"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
