plain: 18446744073709551615
quoted: "18446744073709551615"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
