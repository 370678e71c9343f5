s: "a\u0001\nb"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
