---
{{ "a" | upper "b" }}
