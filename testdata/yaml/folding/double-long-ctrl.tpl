s: "\u0001 word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
