a: 1
----
b: 2
---
{{ toYaml .Values }}
