plain: y
quoted: "y"
y: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
