s: "a\u001bb"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
