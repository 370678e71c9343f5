plain: off
quoted: "off"
off: key
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
