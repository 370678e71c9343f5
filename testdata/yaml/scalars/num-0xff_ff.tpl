plain: 0xff_ff
quoted: "0xff_ff"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
