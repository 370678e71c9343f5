---
{{ reverse "abc" }}
