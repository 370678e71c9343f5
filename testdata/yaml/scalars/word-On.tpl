plain: On
quoted: "On"
On: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
