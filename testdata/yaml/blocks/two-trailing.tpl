s: "x\n\n"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
