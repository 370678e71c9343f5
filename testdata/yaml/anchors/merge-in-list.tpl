l:
- <<: {a: 1}
  b: 2
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
