s: "-yes"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
