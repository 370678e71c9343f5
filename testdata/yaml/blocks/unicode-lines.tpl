s: "\u00e9\n\u65e5\u672c\n\ud83d\ude00\n"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
