s: "a\nb "
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
