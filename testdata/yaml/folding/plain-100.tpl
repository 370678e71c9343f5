s: "word word word word word word word word word word word word word word word word word word word word "
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
