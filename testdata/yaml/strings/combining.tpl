s: "e\u0301"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
