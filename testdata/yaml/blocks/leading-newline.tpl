s: "\nx"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
