plain: v1.2.3
quoted: "v1.2.3"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
