plain: .inf_
quoted: ".inf_"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
