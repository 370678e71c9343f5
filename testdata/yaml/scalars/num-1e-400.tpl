plain: 1e-400
quoted: "1e-400"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
