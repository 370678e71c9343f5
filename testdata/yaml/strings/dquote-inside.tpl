s: "say \"hi\""
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
