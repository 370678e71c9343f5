a:
- b:
    c: 1
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
