m:
  a: 1
  <<: {a: 2, b: 2}
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
