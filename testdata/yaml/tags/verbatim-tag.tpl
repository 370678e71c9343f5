a: !<tag:yaml.org,2002:str> 5
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
