s: "a: 1\nb:\n  - x\n"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
