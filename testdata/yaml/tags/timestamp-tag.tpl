a: !!timestamp 2001-12-14
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
