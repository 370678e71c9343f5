m: {a: ~, b: }
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
