plain: 1_000
quoted: "1_000"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
