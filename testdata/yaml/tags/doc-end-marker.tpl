a: 1
...
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
