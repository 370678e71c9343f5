plain: NO
quoted: "NO"
NO: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
