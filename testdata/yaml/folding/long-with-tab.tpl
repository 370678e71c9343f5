s: "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\tend"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
