---
{{ regexFind "`x(" "x" }}
