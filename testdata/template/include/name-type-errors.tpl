---
{{ include 1 . }}
