plain: OFF
quoted: "OFF"
OFF: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
