s: "a\u00a0b"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
