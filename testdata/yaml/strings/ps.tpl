s: "a\u2029b"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
