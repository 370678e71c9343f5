a: |
	x
---
{{ toYaml .Values }}
