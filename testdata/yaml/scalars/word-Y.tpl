plain: Y
quoted: "Y"
Y: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
