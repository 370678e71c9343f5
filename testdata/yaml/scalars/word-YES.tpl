plain: YES
quoted: "YES"
YES: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
