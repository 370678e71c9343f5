plain: 1e-7
quoted: "1e-7"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
