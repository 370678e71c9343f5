s: ">=1.0.0 <2.0.0"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
