a:
  b:
    c:
      d:
        e: [f]
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
