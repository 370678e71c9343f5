"k\u0085ey": 1
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
