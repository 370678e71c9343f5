s: "1.2.3"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
