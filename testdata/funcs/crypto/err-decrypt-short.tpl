---
{{ decryptAES "k" "AAAA" }}
