a: &a {x: 1}
b: &b
  <<: *a
  y: 2
c:
  <<: *b
  z: 3
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
