plain: _1
quoted: "_1"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
