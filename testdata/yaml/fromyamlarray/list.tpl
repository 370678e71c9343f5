doc: "- a\n- 1\n- {b: ~}\n"
---
{{ fromYamlArray .Values.doc | toYaml }}
~~~
{{ fromYamlArray .Values.doc | toYamlPretty }}
