---
{{ derivePassword 1 "long" "password" "user" "example.com" }}
{{ derivePassword 2 "maximum" "password" "user" "example.com" }}
{{ derivePassword 0 "medium" "pässword" "üser" "example.com" }}
{{ derivePassword 4294967295 "short" "" "" "" }}
{{ derivePassword 7 "basic" "a" "b" "c" }}
{{ derivePassword 7 "pin" "a" "b" "c" }}
{{ derivePassword 1 "nope" "password" "user" "example.com" }}
{{ derivePassword 4294967297 "pin" "a" "b" "c" }}
