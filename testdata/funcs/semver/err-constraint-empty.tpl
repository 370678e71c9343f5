---
{{ semverCompare "" "1.2.3" }}
