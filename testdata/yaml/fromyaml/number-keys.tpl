doc: "1: a\n2.5: b\n"
---
{{ fromYaml .Values.doc | toYaml }}
~~~
{{ fromYaml .Values.doc | toYamlPretty }}
