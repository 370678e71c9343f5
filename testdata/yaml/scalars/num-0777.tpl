plain: 0777
quoted: "0777"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
