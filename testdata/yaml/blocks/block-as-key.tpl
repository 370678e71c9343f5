? |
  a
  b
: v
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
