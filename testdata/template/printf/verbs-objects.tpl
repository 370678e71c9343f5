---
{{ printf "%v|%T" .Files .Files }}
