doc: "a:\n  b: ~\n  c: [1, ~]\n"
---
{{ fromYaml .Values.doc | toYaml }}
~~~
{{ fromYaml .Values.doc | toYamlPretty }}
