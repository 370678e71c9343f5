s: |
  x

---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
