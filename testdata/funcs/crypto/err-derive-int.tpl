---
{{ derivePassword (len "x") "pin" "a" "b" "c" }}
