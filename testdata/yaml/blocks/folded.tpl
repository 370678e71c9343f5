s: >
  folded
  text

  para
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
