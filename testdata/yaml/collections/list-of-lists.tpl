l:
- [1, 2]
- [3, [4, 5]]
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
