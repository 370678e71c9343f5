plain: 1.5e300
quoted: "1.5e300"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
