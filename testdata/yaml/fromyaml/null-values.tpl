doc: "a: ~\nb: null\nc:\nd: [~]\n"
---
{{ fromYaml .Values.doc | toYaml }}
~~~
{{ fromYaml .Values.doc | toYamlPretty }}
