a: !!str 123
b: !!str yes
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
