l: [1, 1.5, true, 'x', "y", 1e6]
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
