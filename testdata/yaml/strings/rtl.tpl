s: "\u05e9\u05dc\u05d5\u05dd"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
