s: "a\u0085"
t: "x\u0085y"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
