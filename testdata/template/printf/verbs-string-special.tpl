---
{{ printf "%q|%q|%q|%#q" "tab\there" "é\u00a0" "\x00\x7f" "has`tick" }}
