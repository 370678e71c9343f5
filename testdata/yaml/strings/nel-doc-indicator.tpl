s: "a\u0085--- b"
t: "x\u0085y"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
