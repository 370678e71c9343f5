s: "http://x.y/z?a=b&c=d"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
