s: "a: b"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
