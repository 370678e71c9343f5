a: ! 12
b: ! yes
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
