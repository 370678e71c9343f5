s: "a\u0001b"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
