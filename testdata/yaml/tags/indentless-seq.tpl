a:
- 1
- 2
b: x
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
