plain: .Inf.
quoted: ".Inf."
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
