s: >
  a
    b
  c
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
