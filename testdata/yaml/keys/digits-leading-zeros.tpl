b01: 1
b1: 1
b001: 1
b10: 1
b2: 1
b0: 1
b00: 1
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
