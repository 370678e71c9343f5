resources:
  limits:
    cpu: 100m
    memory: 128Mi
  requests: {cpu: '0.5', memory: 1Gi}
tolerations: []
nodeSelector: {}
affinity: {}
env:
- name: A
  value: '1'
- name: B
  valueFrom:
    secretKeyRef: {name: s, key: k}
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
