s: "{{ .Values.x }}"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
