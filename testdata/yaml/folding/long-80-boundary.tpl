s: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbb cccc"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
