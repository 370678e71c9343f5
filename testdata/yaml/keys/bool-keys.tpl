true: a
no: b
y: c
off: d
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
