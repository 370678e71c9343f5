%TAG !x! tag:example.com,2000:
---
a: !x!y 1
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
