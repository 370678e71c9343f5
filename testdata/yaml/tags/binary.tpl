a: !!binary aGVsbG8=
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
