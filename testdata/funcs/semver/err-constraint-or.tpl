---
{{ semverCompare ">=1 || foo" "1.2.3" }}
