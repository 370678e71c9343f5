s: "a\u2028b"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
