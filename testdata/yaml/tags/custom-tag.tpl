a: !foo bar
b: !foo 12
c: !foo {x: 1}
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
