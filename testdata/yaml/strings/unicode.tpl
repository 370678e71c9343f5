s: "caf\u00e9 \u00fcn\u00efc\u00f6d\u00e9"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
