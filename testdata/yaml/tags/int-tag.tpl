a: !!int "12"
b: !!int 0x10
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
