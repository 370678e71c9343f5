s: "x\u0085... y"
t: "x\u0085y"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
