plain: 1_0.5
quoted: "1_0.5"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
