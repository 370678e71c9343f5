s: "\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
