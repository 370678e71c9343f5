plain: FALSE
quoted: "FALSE"
FALSE: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
