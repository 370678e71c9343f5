s: "a\u200bb"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
