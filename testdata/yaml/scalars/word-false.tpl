plain: false
quoted: "false"
false: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
