---
{{ regexFindAll "x[ab" "x" -1 }}
