plain: Yes
quoted: "Yes"
Yes: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
