s: "a\ufffeb"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
