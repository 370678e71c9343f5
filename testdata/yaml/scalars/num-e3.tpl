plain: e3
quoted: "e3"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
