é: 1
e: 1
z: 1
日本: 1
'١': 1
Å: 1
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
