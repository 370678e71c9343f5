---
{{ regexFind "(" "x" }}
