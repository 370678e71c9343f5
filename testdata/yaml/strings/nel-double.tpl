s: "a\u0085\u0085b"
t: "x\u0085y"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
