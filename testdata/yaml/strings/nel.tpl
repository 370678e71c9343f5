s: "a\u0085b"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
