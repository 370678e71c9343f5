plain: 2000-02-29
quoted: "2000-02-29"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
