[
---
{{ toYaml .Values }}
