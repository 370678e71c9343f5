---
{{ upper . }}
