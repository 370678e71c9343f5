s: "a\r\nb"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
