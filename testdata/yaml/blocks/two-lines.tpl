s: "line1\nline2"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
