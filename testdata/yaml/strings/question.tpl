s: "?a"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
