---
{{ decryptAES "k" "Zm9vYg=" }}
