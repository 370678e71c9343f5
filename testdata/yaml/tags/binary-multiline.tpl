a: !!binary |
  aGVs
  bG8=
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
