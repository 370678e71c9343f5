a: !!float 1
b: !!float '2.5'
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
