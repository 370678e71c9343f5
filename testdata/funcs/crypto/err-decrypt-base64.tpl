---
{{ decryptAES "k" "!!" }}
