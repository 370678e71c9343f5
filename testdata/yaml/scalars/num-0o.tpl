plain: 0o
quoted: "0o"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
