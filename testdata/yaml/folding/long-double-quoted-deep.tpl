a:
  b: "\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\u00e9\u0002"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
