s: "a\u0007"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
