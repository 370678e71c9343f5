plain: 1e400
quoted: "1e400"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
