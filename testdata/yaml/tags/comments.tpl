# c
a: 1 # c
# c
b: 'x' # c
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
