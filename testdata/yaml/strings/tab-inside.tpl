s: "a\tb"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
