doc: "- ~\n-\n- null\n"
---
{{ fromYamlArray .Values.doc | toYaml }}
~~~
{{ fromYamlArray .Values.doc | toYamlPretty }}
