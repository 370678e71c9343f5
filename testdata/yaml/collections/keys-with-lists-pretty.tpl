a:
  - x
  - y:
      - z
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
