---
{{ (printf "x" }}
