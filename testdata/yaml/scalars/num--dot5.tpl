plain: -.5
quoted: "-.5"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
