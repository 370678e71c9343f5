s: "a\u2028b\nc"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
