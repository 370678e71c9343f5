? a
: 1
? b
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
