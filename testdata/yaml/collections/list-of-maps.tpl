l:
- name: a
  value: 1
- name: b
  value: 2
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
