a: 'multi
  line'
b: "x\
  y"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
