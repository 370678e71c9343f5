s: "x\n\n\n"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
