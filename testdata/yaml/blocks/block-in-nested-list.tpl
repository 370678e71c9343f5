l:
- - |
    a
    b
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
