plain: 1E3
quoted: "1E3"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
