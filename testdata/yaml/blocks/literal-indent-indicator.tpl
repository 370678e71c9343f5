s: |2
    indented
  normal
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
