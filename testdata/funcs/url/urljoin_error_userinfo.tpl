---
{{ urlJoin (dict "userinfo" "a b") }}
