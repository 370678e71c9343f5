s: "a\u007fb"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
