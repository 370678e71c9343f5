---
{{ decryptAES "secret" "/KAKqsJoUz+8gkymbS3n3pWAsf5LdrjlPBChitC6BD8=" }}
{{ decryptAES "secret" (encryptAES "secret" "round trip ✓") }}
{{ decryptAES "a-very-long-password-longer-than-32-bytes" (encryptAES "a-very-long-password-longer-than-32-bytes-differs" "truncated key") }}
{{ encryptAES "k" "" | printf "%q" }} {{ decryptAES "k" "" | printf "%q" }}
{{ encryptAES "k" "sixteen bytes!!!" | len }} {{ encryptAES "k" "x" | len }} {{ regexMatch "^[A-Za-z0-9+/]+=*$" (encryptAES "k" "x") }}
{{ ne (encryptAES "k" "x") (encryptAES "k" "x") }}
