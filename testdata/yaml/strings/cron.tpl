s: "*/5 * * * *"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
