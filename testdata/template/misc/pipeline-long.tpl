---
{{ "a" | upper | lower | upper | printf "%s-%s" "x" | quote | squote }}
