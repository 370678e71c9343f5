plain: 9007199254740993
quoted: "9007199254740993"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
