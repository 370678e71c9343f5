s: "a\ue000b"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
