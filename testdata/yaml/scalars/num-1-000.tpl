plain: 1,000
quoted: "1,000"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
