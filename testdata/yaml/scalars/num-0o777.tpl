plain: 0o777
quoted: "0o777"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
