---
{{ upper "a" "b" }}
