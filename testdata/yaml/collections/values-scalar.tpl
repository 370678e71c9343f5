a: hello
b: 1.5
c: true
---
{{ toYaml .Values.a }}|{{ toYaml .Values.b }}|{{ toYaml .Values.c }}|{{ toYaml .Values.missing }}
