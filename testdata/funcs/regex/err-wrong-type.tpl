---
{{ regexFindAll "x" "x" "1" }}
