plain: 5e-324
quoted: "5e-324"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
