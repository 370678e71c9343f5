s: "a\rb"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
