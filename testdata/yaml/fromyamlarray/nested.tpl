doc: "- [1, [2]]\n- []\n"
---
{{ fromYamlArray .Values.doc | toYaml }}
~~~
{{ fromYamlArray .Values.doc | toYamlPretty }}
