plain: -0b11
quoted: "-0b11"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
