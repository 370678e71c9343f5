s: "line\r\n"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
