plain: -1:30
quoted: "-1:30"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
