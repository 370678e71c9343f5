a:
  b:
    c:
      d: "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
