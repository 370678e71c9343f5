doc: "plain: ~\nquoted: \"~\"\n"
---
{{ fromYaml .Values.doc | toYaml }}
~~~
{{ fromYaml .Values.doc | toYamlPretty }}
