{"u": "https://user:pa%20ss@example.com:8443/a/b%2Fc?x=1&y=%20#frag%21"}
---
{{ urlJoin (urlParse .Values.u) }}
{{ urlJoin (dict "scheme" "https" "host" "ex.com" "path" "/a b" "query" "x=1" "fragment" "f g") }}
{{ urlJoin (dict) | quote }} {{ urlJoin (dict "path" "a:b/c") }} {{ urlJoin (dict "host" "h" "path" "p") }} {{ urlJoin (dict "scheme" "mailto" "opaque" "x@y") }} {{ urlJoin (dict "scheme" "s" "userinfo" "u:p%40") }} {{ urlJoin (dict "path" "*") }} {{ urlJoin (dict "host" "é h") }} {{ urlJoin (dict "scheme" "http" "path" "/x") }} {{ urlJoin (dict "userinfo" "u" "host" "h") }} {{ urlJoin nil | quote }}
