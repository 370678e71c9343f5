plain: +1
quoted: "+1"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
