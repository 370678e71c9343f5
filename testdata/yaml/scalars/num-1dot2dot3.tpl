plain: 1.2.3
quoted: "1.2.3"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
