a: "\x41\u00e9\U0001F600\n\t\\\"\0\a\b\e\f\r\v\N\_\L\P"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
