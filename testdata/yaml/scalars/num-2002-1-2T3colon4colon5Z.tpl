plain: 2002-1-2T3:4:5Z
quoted: "2002-1-2T3:4:5Z"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
