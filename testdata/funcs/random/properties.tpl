---
{{ randAlphaNum 12 | len }} {{ regexMatch "^[a-zA-Z0-9]{40}$" (randAlphaNum 40) }} {{ randAlphaNum 0 | len }} {{ randAlphaNum -3 | len }}
{{ randAlpha 12 | len }} {{ regexMatch "^[a-zA-Z]{40}$" (randAlpha 40) }} {{ randNumeric 12 | len }} {{ regexMatch "^[0-9]{40}$" (randNumeric 40) }}
{{ randAscii 12 | len }} {{ regexMatch "^[ -~]{200}$" (randAscii 200) }} {{ randAscii 0 | printf "%q" }}
{{ randInt 5 6 }} {{ randInt -5 -4 }} {{ regexMatch "^[3-9]$" (printf "%d" (randInt 3 10)) }} {{ printf "%T" (randInt 0 2) }}
{{ shuffle "aaaa" }} {{ shuffle "" | printf "%q" }} {{ shuffle "héllo wörld" | len }} {{ shuffle "x" }}
{{ regexMatch "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$" uuidv4 }} {{ uuidv4 | len }}
{{ randBytes 0 | printf "%q" }} {{ randBytes 3 | len }} {{ randBytes 32 | len }} {{ regexMatch "^[A-Za-z0-9+/]{42}==$" (randBytes 31) }}
