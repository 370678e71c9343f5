plain: No
quoted: "No"
No: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
