plain: 0O17
quoted: "0O17"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
