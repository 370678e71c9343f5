plain: Off
quoted: "Off"
Off: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
