s: "# comment\nkey: value\n"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
