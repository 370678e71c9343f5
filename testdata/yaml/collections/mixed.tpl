a: 1
b: [x, {y: z}]
c: {d: [1, 2], e: {}}
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
