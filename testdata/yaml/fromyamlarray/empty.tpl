doc: ""
---
{{ fromYamlArray .Values.doc | toYaml }}
~~~
{{ fromYamlArray .Values.doc | toYamlPretty }}
