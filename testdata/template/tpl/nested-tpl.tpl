---
{{ tpl "{{ tpl \"{{ .v }}\" . }}" (dict "v" "deep") }}
