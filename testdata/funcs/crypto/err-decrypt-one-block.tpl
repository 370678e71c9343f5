---
{{ decryptAES "k" "AAAAAAAAAAAAAAAAAAAAAA==" }}
