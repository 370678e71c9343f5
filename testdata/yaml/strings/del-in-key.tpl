"k\u007fey": 1
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
