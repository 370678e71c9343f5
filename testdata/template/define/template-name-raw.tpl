---
{{ define `raw` }}r{{ end }}{{ template `raw` }}
