l:
- |
  a
  b
- x
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
