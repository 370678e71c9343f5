---
{{ derivePassword -1 "pin" "a" "b" "c" }}
