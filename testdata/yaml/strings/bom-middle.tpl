s: "a\ufeffb"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
