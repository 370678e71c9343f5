s: "a\t"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
