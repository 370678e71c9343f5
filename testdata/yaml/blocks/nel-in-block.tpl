s: "a\u0085b\nc"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
