s: "="
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
