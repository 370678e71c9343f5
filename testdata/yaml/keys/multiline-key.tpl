"a\nb": 1
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
