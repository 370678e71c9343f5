base: &b
  x: 1
  y: 2
derived:
  <<: *b
  y: 3
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
