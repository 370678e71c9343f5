---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
