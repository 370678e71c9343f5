s: "\ud835\udd18\ud835\udd2b\ud835\udd26"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
