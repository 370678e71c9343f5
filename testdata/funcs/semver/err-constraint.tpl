---
{{ semverCompare ">=1.x.y" "1.2.3" }}
