---
{{ include "nope" . }}
