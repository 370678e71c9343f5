s: "  lead\nx"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
