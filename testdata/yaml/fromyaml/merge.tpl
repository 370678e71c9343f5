doc: "a: &a {x: 1}\nb: {<<: *a, y: 2}\n"
---
{{ fromYaml .Values.doc | toYaml }}
~~~
{{ fromYaml .Values.doc | toYamlPretty }}
