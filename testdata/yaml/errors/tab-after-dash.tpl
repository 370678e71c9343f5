-	a
---
{{ toYaml .Values }}
