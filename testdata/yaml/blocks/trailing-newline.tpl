s: "line1\nline2\n"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
