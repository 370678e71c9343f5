m:
  <<: {a: 2, b: 2}
  a: 1
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
