plain: 127.0.0.1
quoted: "127.0.0.1"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
