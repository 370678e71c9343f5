l:
- - - deep
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
