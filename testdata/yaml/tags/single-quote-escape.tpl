a: 'it''s'
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
