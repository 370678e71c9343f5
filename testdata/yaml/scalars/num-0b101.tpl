plain: 0b101
quoted: "0b101"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
