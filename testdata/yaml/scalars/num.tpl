plain: -
quoted: "-"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
