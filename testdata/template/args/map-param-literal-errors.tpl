---
{{ hasKey "x" "a" }}
