s: "\n\n"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
