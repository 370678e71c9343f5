plain: yEs
quoted: "yEs"
yEs: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
