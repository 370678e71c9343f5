a: !!bool yes
b: !!bool 'false'
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
