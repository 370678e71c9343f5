plain: True
quoted: "True"
True: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
