s: "\ud83d\ude00 smile"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
