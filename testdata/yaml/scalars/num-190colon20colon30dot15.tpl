plain: 190:20:30.15
quoted: "190:20:30.15"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
