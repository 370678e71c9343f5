s: "a\tb\nc\td\n"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
