l: [~, null, ]
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
