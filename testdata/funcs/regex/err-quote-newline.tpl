---
{{ regexFind "\n(" "x" }}
