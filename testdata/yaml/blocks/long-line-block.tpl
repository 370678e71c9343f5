s: "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\nword word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\n"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
