s: "a\u0090b"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
