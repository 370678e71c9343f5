doc: "a: 1\n"
---
{{ fromYamlArray .Values.doc | toYaml }}
~~~
{{ fromYamlArray .Values.doc | toYamlPretty }}
