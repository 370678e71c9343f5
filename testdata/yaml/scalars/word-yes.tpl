plain: yes
quoted: "yes"
yes: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
