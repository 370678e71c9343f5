plain: 0b
quoted: "0b"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
