s: "a\u0000b"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
