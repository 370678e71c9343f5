doc: "a: .inf\n"
---
{{ fromYaml .Values.doc | toYaml }}
~~~
{{ fromYaml .Values.doc | toYamlPretty }}
