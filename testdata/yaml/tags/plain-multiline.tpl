a: plain
  continued
  text
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
