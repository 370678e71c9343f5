s: "- a\n- b\n"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
