s: "null "
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
