---
{{ printf "%t|%v|%5t|%d|%s" true false true true false }}
