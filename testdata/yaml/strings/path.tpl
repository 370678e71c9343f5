s: "/usr/local/bin"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
