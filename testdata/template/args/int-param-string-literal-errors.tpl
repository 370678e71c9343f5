---
{{ repeat "2" "x" }}
