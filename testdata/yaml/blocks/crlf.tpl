s: "a\r\nb\r\n"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
