a: [1,
  2,
  3]
b: {x: 1,
  y: 2}
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
