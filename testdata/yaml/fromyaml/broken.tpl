doc: "a: b: c\n"
---
{{ fromYaml .Values.doc | toYaml }}
~~~
{{ fromYaml .Values.doc | toYamlPretty }}
