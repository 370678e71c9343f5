m1: &m1 {a: 1, b: 1}
m2: &m2 {b: 2, c: 2}
x:
  <<: [*m1, *m2]
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
