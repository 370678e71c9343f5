s: "a\n\nb"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
