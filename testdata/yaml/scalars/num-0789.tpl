plain: 0789
quoted: "0789"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
