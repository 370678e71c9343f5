plain: ON
quoted: "ON"
ON: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
