plain: 1e
quoted: "1e"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
