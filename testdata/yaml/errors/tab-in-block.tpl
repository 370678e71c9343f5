a:
	b: 1
---
{{ toYaml .Values }}
