plain: 0x1F
quoted: "0x1F"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
