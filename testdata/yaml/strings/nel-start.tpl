s: "\u0085a"
t: "x\u0085y"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
