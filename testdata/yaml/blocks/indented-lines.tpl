s: "a\n  b\n    c\n"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
