---
{{ define "f" }}{{ required "need x" .x }}{{ end }}
line2 {{ include "f" dict }}
