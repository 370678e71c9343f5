---
{{ define "f" }}{{ fail "boom inside" }}{{ end }}{{ include "f" . }}
