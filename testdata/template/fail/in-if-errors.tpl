---
ok
{{ if true }}
  {{- fail (printf "bad %s" "mode") }}
{{ end }}
