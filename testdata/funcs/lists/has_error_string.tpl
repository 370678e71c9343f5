---
{{ has "a" "abc" }}
